import { Route, Routes } from 'react-router';
import { AuditPage } from '../admin/AuditPage';
import { UsersPage } from '../admin/UsersPage';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { RequireAuth } from '../auth/RequireAuth';
import { ResetPasswordPage } from '../auth/ResetPasswordPage';
import { OutboxPage } from '../dev/OutboxPage';
import { HomePage } from '../home/HomePage';
import { AppLayout } from '../layout/AppLayout';
import { PublicLayout } from '../layout/PublicLayout';
import { SessionsPage } from '../sessions/SessionsPage';
import { NotFoundPage } from '../ui/NotFoundPage';

/** Every page and its address. Pages outside RequireAuth are public. */
export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/connexion" element={<LoginPage />} />
        <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
        <Route path="/reinitialiser-mot-de-passe" element={<ResetPasswordPage />} />
        <Route path="/dev/boite-envoi" element={<OutboxPage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="/sessions" element={<SessionsPage />} />
          <Route path="/admin/utilisateurs" element={<UsersPage />} />
          <Route path="/admin/audit" element={<AuditPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
