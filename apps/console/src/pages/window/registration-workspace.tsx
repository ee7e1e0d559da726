import { Col, Row } from 'antd';
import { useState } from 'react';
import { RegisterPetitionPage } from './register-petition-page';
import { TodayRegistrations } from './today-registrations';

/** 登记信访 with the day's registrations beside it. */
export function RegistrationWorkspace() {
  const [version, setVersion] = useState(0);
  return (
    <Row gutter={24} align="top">
      <Col xs={24} xl={16}>
        <RegisterPetitionPage onRegistered={() => setVersion((n) => n + 1)} />
      </Col>
      <Col xs={24} xl={8}>
        <TodayRegistrations key={version} />
      </Col>
    </Row>
  );
}
