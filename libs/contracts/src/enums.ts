/** How a petition arrived (来信 / 来访 / 来电 / 网上信访 / 12345 热线). */
export enum Channel {
  Letter = 'letter',
  Visit = 'visit',
  Call = 'call',
  Online = 'online',
  Hotline = 'hotline',
}

/** Legal nature of a petition (建议意见类 / 检举控告类 / 申诉求决类); decides the route. */
export enum Nature {
  Suggestion = 'suggestion',
  Accusation = 'accusation',
  Claim = 'claim',
}

/** Staff roles carried in the JWT `roles` claim. */
export enum Role {
  Clerk = 'clerk',
  Dispatcher = 'dispatcher',
  Handler = 'handler',
  UnitHead = 'unit_head',
  Supervisor = 'supervisor',
  Analyst = 'analyst',
  Admin = 'admin',
}

/** Handling track of an assignment; picks the handling deadline stage. */
export enum Track {
  Standard = 'standard',
  Fast = 'fast',
  Suggestion = 'suggestion',
}

/** Level of a unit or region in the administrative tree (市 / 区 / 街道 / 社区). */
export enum UnitLevel {
  City = 'city',
  District = 'district',
  Street = 'street',
  Community = 'community',
}

/** Kind of handling unit. */
export enum UnitKind {
  FunctionalDepartment = 'functional_department',
  TerritorialGovernment = 'territorial_government',
  DisciplineInspection = 'discipline_inspection',
  CourtLiaison = 'court_liaison',
  PublicEnterprise = 'public_enterprise',
  PetitionBureau = 'petition_bureau',
}

/** Lifecycle state of a petition as the petition bureau sees it (docs/architecture.md, Lifecycle). */
export enum PetitionStatus {
  Registered = 'registered',
  Dispatched = 'dispatched',
  Assigned = 'assigned',
  Accepted = 'accepted',
  Replied = 'replied',
  Approved = 'approved',
  Closed = 'closed',
  Ended = 'ended',
  Concluded = 'concluded',
}

/** Role a unit plays on an assignment (主办 / 协办). */
export enum AssignmentRole {
  Lead = 'lead',
  CoHandler = 'co_handler',
}

/** State of a unit's work item in handling. */
export enum WorkItemStatus {
  Assigned = 'assigned',
  Accepted = 'accepted',
  Returned = 'returned',
  Replied = 'replied',
  Closed = 'closed',
}
