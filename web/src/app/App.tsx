import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AuditPage } from '../admin/AuditPage';
import { BranchesPage } from '../admin/BranchesPage';
import { OrganisationsPage } from '../admin/OrganisationsPage';
import { UsersPage } from '../admin/UsersPage';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { RequireAuth } from '../auth/RequireAuth';
import { ResetPasswordPage } from '../auth/ResetPasswordPage';
import { CataloguePage } from '../catalogue/CataloguePage';
import { CertificationPage } from '../catalogue/CertificationPage';
import { OutboxPage } from '../dev/OutboxPage';
import { RulesPage } from '../eligibility/RulesPage';
import { SimulatePage } from '../eligibility/SimulatePage';
import { Home } from '../home/Home';
import { AppLayout } from '../layout/AppLayout';
import { OpenLayout } from '../layout/OpenLayout';
import { PublicLayout } from '../layout/PublicLayout';
import { FichePage } from '../registry/FichePage';
import { VerifyPage } from '../registry/VerifyPage';
import { SessionsPage } from '../sessions/SessionsPage';
import { Loading } from '../ui/Loading';
import { NotFoundPage } from '../ui/NotFoundPage';
import { VerificationPage } from '../verification/VerificationPage';

// The back office (framework editor…) is loaded only by those who open it.
const ImportsPage = lazy(() => import('../registry/ImportsPage').then((m) => ({ default: m.ImportsPage })));
const AlertsPage = lazy(() => import('../registry/AlertsPage').then((m) => ({ default: m.AlertsPage })));
const ManageListPage = lazy(() =>
  import('../manage/ManageListPage').then((m) => ({ default: m.ManageListPage })),
);
const NewCertificationPage = lazy(() =>
  import('../manage/NewCertificationPage').then((m) => ({ default: m.NewCertificationPage })),
);
const ManageCertificationPage = lazy(() =>
  import('../manage/ManageCertificationPage').then((m) => ({ default: m.ManageCertificationPage })),
);
const CandidacyPage = lazy(() =>
  import('../candidacies/CandidacyPage').then((m) => ({ default: m.CandidacyPage })),
);
const CandidaciesPage = lazy(() =>
  import('../candidacies/CandidaciesPage').then((m) => ({ default: m.CandidaciesPage })),
);
const EnrolPage = lazy(() => import('../candidacies/EnrolPage').then((m) => ({ default: m.EnrolPage })));
const CandidacyImportPage = lazy(() =>
  import('../candidacies/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const EvaluationsPage = lazy(() =>
  import('../evaluations/EvaluationsPage').then((m) => ({ default: m.EvaluationsPage })),
);
const GridPage = lazy(() => import('../evaluations/GridPage').then((m) => ({ default: m.GridPage })));
const JuriesPage = lazy(() => import('../juries/JuriesPage').then((m) => ({ default: m.JuriesPage })));
const CdcPage = lazy(() => import('../cdc/CdcPage').then((m) => ({ default: m.CdcPage })));
const NewJuryPage = lazy(() => import('../juries/NewJuryPage').then((m) => ({ default: m.NewJuryPage })));
const JuryPage = lazy(() => import('../juries/JuryPage').then((m) => ({ default: m.JuryPage })));
const JuryRulesPage = lazy(() =>
  import('../juries/JuryRulesPage').then((m) => ({ default: m.JuryRulesPage })),
);
const CandidateSpacePage = lazy(() =>
  import('../candidate/CandidateSpacePage').then((m) => ({ default: m.CandidateSpacePage })),
);
const CertificationsPage = lazy(() =>
  import('../candidate/CertificationsPage').then((m) => ({ default: m.CertificationsPage })),
);
const AwardsPage = lazy(() => import('../awards/AwardsPage').then((m) => ({ default: m.AwardsPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/**
 * Every page and its address. Pages outside RequireAuth are public; the open ones (home,
 * catalogue…, and the 404 page) are shown with the navigation to someone signed in. Pages
 * under /admin/ and /gestion/ are refused by AppLayout to roles that may not open them
 * (RESTRICTED_AREAS in layout/navigation.ts).
 */
export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/connexion" element={<LoginPage />} />
        <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
        <Route path="/reinitialiser-mot-de-passe" element={<ResetPasswordPage />} />
        <Route path="/dev/boite-envoi" element={<OutboxPage />} />
      </Route>
      <Route element={<OpenLayout />}>
        <Route path="/catalogue" element={<CataloguePage />} />
        <Route path="/catalogue/:id" element={<CertificationPage />} />
        <Route path="/verifier-une-inscription" element={<VerifyPage />} />
        <Route path="/verifier-une-inscription/:numero" element={<FichePage />} />
        <Route path="/verifier" element={<VerificationPage />} />
        <Route path="/verifier/:code" element={<VerificationPage />} />
        <Route path="/regles-d-acces" element={<RulesPage />} />
        <Route path="/simuler" element={<SimulatePage />} />
        <Route index element={<Home />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route path="/sessions" element={<SessionsPage />} />
          <Route
            path="/mon-parcours"
            element={
              <Deferred>
                <CandidateSpacePage />
              </Deferred>
            }
          />
          <Route
            path="/mes-certifications"
            element={
              <Deferred>
                <CertificationsPage />
              </Deferred>
            }
          />
          <Route
            path="/attributions"
            element={
              <Deferred>
                <AwardsPage />
              </Deferred>
            }
          />
          <Route
            path="/candidatures"
            element={
              <Deferred>
                <CandidaciesPage />
              </Deferred>
            }
          />
          <Route
            path="/candidatures/nouvelle"
            element={
              <Deferred>
                <EnrolPage />
              </Deferred>
            }
          />
          <Route
            path="/candidatures/import"
            element={
              <Deferred>
                <CandidacyImportPage />
              </Deferred>
            }
          />
          <Route
            path="/candidatures/:id"
            element={
              <Deferred>
                <CandidacyPage />
              </Deferred>
            }
          />
          <Route
            path="/evaluations"
            element={
              <Deferred>
                <EvaluationsPage />
              </Deferred>
            }
          />
          <Route
            path="/evaluations/:assessmentId"
            element={
              <Deferred>
                <GridPage />
              </Deferred>
            }
          />
          <Route
            path="/jurys"
            element={
              <Deferred>
                <JuriesPage />
              </Deferred>
            }
          />
          <Route
            path="/jurys/nouveau"
            element={
              <Deferred>
                <NewJuryPage />
              </Deferred>
            }
          />
          <Route
            path="/jurys/:id"
            element={
              <Deferred>
                <JuryPage />
              </Deferred>
            }
          />
          <Route
            path="/depots-cdc"
            element={
              <Deferred>
                <CdcPage />
              </Deferred>
            }
          />
          <Route path="/admin/utilisateurs" element={<UsersPage />} />
          <Route path="/admin/audit" element={<AuditPage />} />
          <Route path="/admin/branches" element={<BranchesPage />} />
          <Route path="/admin/organisations" element={<OrganisationsPage />} />
          <Route
            path="/admin/registre"
            element={
              <Deferred>
                <ImportsPage />
              </Deferred>
            }
          />
          <Route
            path="/gestion/alertes-registre"
            element={
              <Deferred>
                <AlertsPage />
              </Deferred>
            }
          />
          <Route
            path="/gestion/certifications"
            element={
              <Deferred>
                <ManageListPage />
              </Deferred>
            }
          />
          <Route
            path="/gestion/certifications/nouvelle"
            element={
              <Deferred>
                <NewCertificationPage />
              </Deferred>
            }
          />
          <Route
            path="/gestion/certifications/:id"
            element={
              <Deferred>
                <ManageCertificationPage />
              </Deferred>
            }
          />
          <Route
            path="/gestion/jurys/regles"
            element={
              <Deferred>
                <JuryRulesPage />
              </Deferred>
            }
          />
        </Route>
      </Route>
    </Routes>
  );
}
