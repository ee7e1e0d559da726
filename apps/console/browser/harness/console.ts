// How a user works the console, in words the page shows: sign in as a demo user, open a workspace
// from the menu, find a field by its label, a row by its text. A page that is missing, or still
// 建设中, fails with a message naming it rather than with a bare timeout.
import type { Locator, Page } from 'playwright-core';

/** The page, or a part of it the test needs, is not there (yet). */
export class MissingPageError extends Error {
  override name = 'MissingPageError';
}

/** Waits for `locator`; on timeout fails with what the user expected to see and where. */
export async function expectVisible(locator: Locator, what: string, timeout?: number): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    const page = locator.page();
    throw new MissingPageError(`${what}: not shown at ${new URL(page.url()).pathname} (${await headingOf(page)})`);
  }
  return locator.first();
}

/** Whether `locator` shows up within `ms` (for what a page may or may not ask: a confirmation, a reason). */
export function appears(locator: Locator, ms = 2000): Promise<boolean> {
  return locator
    .first()
    .waitFor({ state: 'visible', timeout: ms })
    .then(() => true)
    .catch(() => false);
}

async function headingOf(page: Page): Promise<string> {
  const h = page.getByRole('heading', { level: 3 }).first();
  return (await h.isVisible().catch(() => false)) ? `page heading 「${(await h.innerText()).trim()}」` : 'no page heading';
}

/** The development sign-in: the demo user's 登录 button (`以<label>登录`). */
export async function signIn(page: Page, label: string): Promise<void> {
  await expectVisible(page.getByRole('heading', { name: '信访工作平台 · 登录' }), 'the sign-in page (/signin)');
  await expectVisible(page.getByRole('button', { name: `以${label}登录` }), `the demo user 「${label}」 on the sign-in page`).then((b) =>
    b.click(),
  );
  await expectVisible(page.getByTestId('signed-in-user').filter({ hasText: label }), `signed in as ${label}`);
}

/** 退出 in the header, back to the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  // The user reads the last message before leaving (it would otherwise greet the next user's screenshots).
  await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, { timeout: 5000 }).catch(() => undefined);
  await page.getByRole('button', { name: '退出' }).click();
  await expectVisible(page.getByRole('heading', { name: '信访工作平台 · 登录' }), 'the sign-in page after 退出');
}

/**
 * Signs out with 退出 when the page allows it; after a failed scenario (a dialog left open, a page
 * half done) loads /signin afresh instead, which signs out too (the token lives in the page only).
 */
export async function signOutOrStartOver(page: Page, origin: string): Promise<void> {
  const blocked = await page.locator('.ant-modal-wrap:visible, .ant-drawer-open, .ant-popover:visible').count();
  if (!blocked && (await page.getByRole('button', { name: '退出' }).isVisible())) return signOut(page);
  await page.goto(`${origin}/signin`);
  await expectVisible(page.getByRole('heading', { name: '信访工作平台 · 登录' }), 'the sign-in page (/signin)');
}

/**
 * Opens a workspace from the menu (工作台) and waits for its heading. A workspace still marked
 * 建设中, or missing from the menu, fails naming it and the page that should be there.
 */
export async function openWorkspace(page: Page, title: string, pageFile: string): Promise<void> {
  const menu = page.getByRole('menu', { name: '工作台' });
  await expectVisible(menu.getByRole('menuitem', { name: title, exact: true }), `「${title}」 in the menu`).then((item) => item.click());
  await expectVisible(page.getByRole('heading', { name: title, level: 3 }), `the heading of 「${title}」`);
  if (await page.getByText('此工作台正在建设中').isVisible()) {
    throw new MissingPageError(`「${title}」 (${new URL(page.url()).pathname}) is still 建设中: the page ${pageFile} has not landed`);
  }
}

/** A text box or text area of `scope` by its label (antd prefixes required ones with `* `). */
export function textField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('textbox', { name: new RegExp(`^(\\* )?${escape(label)}$`) });
}

/** A select, tree select or searchable picker of `scope` by its label. */
export function picker(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('combobox', { name: new RegExp(`^(\\* )?${escape(label)}$`) });
}

/**
 * Types into a searchable picker, clicks the option whose label is exactly `option`, and checks the
 * picker then shows it (once more if a re-render swallowed the click).
 */
export async function pick(page: Page, field: Locator, search: string, option: string, what: string): Promise<void> {
  const select = field.locator(`xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`);
  const chosen = select.locator('.ant-select-selection-item').filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await field.fill(search);
    const dropdown = page.locator('.ant-select-dropdown:visible');
    // An option's title is its plain label, also when it renders more (a unit's kind, its load).
    const choice = dropdown.getByTitle(option, { exact: true }).or(dropdown.getByText(option, { exact: true }));
    await expectVisible(choice, `the option 「${option}」 of ${what}`).then((o) => o.click());
    if (await appears(chosen, 2000)) return;
    if (attempt === 2) throw new Error(`${what} does not show 「${option}」 after choosing it`);
  }
}

/** Chooses a radio option by its label, as a user clicks it (antd's button-style radios hide the input). */
export async function choose(scope: Page | Locator, label: string | RegExp): Promise<void> {
  const text = typeof label === 'string' ? new RegExp(`^\\s*${escape(label)}\\s*$`) : label;
  await expectVisible(scope.locator('label').filter({ hasText: text }), `the option 「${String(label)}」`).then((l) => l.click());
  if (!(await scope.getByRole('radio', { name: label }).first().isChecked()))
    throw new Error(`the option 「${String(label)}」 is not chosen after clicking it`);
}

/** The value next to a label in a bordered antd Descriptions (a `th` and the `td` after it). */
export async function describedValue(scope: Page | Locator, label: string): Promise<string> {
  const th = scope.locator('th').filter({ has: scope.getByText(label, { exact: true }) });
  const cell = th.locator('xpath=following-sibling::td[1]');
  await expectVisible(cell, `the 「${label}」 entry`);
  return (await cell.first().innerText()).trim();
}

/** A button's name as antd renders it: two Chinese characters get a space between them (「受 理」). */
export function buttonName(text: string): RegExp {
  return new RegExp(`^${[...text].map(escape).join('\\s*')}$`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
