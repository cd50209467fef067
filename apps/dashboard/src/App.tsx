import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAccount } from './components/RequireAccount';
import { SessionGate } from './components/SessionGate';
import { homePath } from './lib/navigation';
import { AccountsPage } from './pages/AccountsPage';
import { ApplicationsPage } from './pages/ApplicationsPage';
import { CallDetailPage } from './pages/CallDetailPage';
import { CallsPage } from './pages/CallsPage';
import { CarriersPage } from './pages/CarriersPage';
import { ClientTokensPage } from './pages/ClientTokensPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OutboundRoutesPage } from './pages/OutboundRoutesPage';
import { PhoneNumbersPage } from './pages/PhoneNumbersPage';
import { RegistrationsPage } from './pages/RegistrationsPage';
import { SignInPage } from './pages/SignInPage';
import { SipUsersPage } from './pages/SipUsersPage';
import { SoftphonePage } from './pages/SoftphonePage';
import { WebhookDeliveriesPage } from './pages/WebhookDeliveriesPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { useSession } from './session/SessionContext';

function Home() {
  return <Navigate to={homePath(useSession())} replace />;
}

/** Routes under /dashboard/ (the router's basename). */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<SessionGate />}>
        <Route index element={<Home />} />
        <Route path="/accounts" element={<AccountsPage />} />
        <Route element={<RequireAccount />}>
          <Route path="/sip-users" element={<SipUsersPage />} />
          <Route path="/client-tokens" element={<ClientTokensPage />} />
          <Route path="/registrations" element={<RegistrationsPage />} />
          <Route path="/carriers" element={<CarriersPage />} />
          <Route path="/phone-numbers" element={<PhoneNumbersPage />} />
          <Route path="/applications" element={<ApplicationsPage />} />
          <Route path="/outbound-routes" element={<OutboundRoutesPage />} />
          <Route path="/webhooks" element={<WebhooksPage />} />
          <Route path="/webhooks/:id" element={<WebhookDeliveriesPage />} />
          <Route path="/calls" element={<CallsPage />} />
          <Route path="/calls/:id" element={<CallDetailPage />} />
          <Route path="/softphone" element={<SoftphonePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
