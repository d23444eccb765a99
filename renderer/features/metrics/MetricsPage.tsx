import { useQuery } from '@tanstack/react-query';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { settingsQuery } from '../../data/ipc-queries';
import { AdoptionSection } from './AdoptionSection';
import { BeforeAfterSection } from './BeforeAfterSection';
import { metricsReportQuery, metricsSettingsQuery } from './data';
import { DistributionsSection } from './DistributionsSection';
import { formatDateTime } from './format';
import { ImportPanel } from './ImportPanel';
import { NpsSection } from './NpsSection';
import { RangePicker } from './RangePicker';
import { RoiSection } from './RoiSection';
import { DrillDown, ScopeBreadcrumb } from './ScopePicker';
import { SettingsPanel } from './SettingsPanel';
import { useUrlState } from '../../router/url-state';
import { metricsRoutes } from './routes';
import { useMetricsView } from './store';
import { metricsUrlCodec } from './url-state';
import { DoraSummary, TrendsSection } from './TrendsSection';
import './Metrics.css';

const isLead = (role: string | undefined) => role === 'lead' || role === 'admin';

/** Is the platform making us faster? Adoption, DORA before and after, onboarding, NPS and ROI. */
export function MetricsPage() {
  const { scope, range } = useMetricsView();
  useUrlState(useMetricsView, metricsUrlCodec, metricsRoutes.metrics.href());
  const user = useQuery(settingsQuery());
  const settings = useQuery(metricsSettingsQuery());
  const report = useQuery(metricsReportQuery({ scope, range, adoptionDays: null }));
  const lead = isLead(user.data?.user?.role);
  const data = report.data;
  const offline = data?.fromCache ?? false;

  return (
    <div
      className="metrics-page"
      data-testid="metrics-page"
      data-state={data ? 'ready' : report.isError ? 'error' : 'loading'}
      data-from-cache={data ? String(data.fromCache) : undefined}
    >
      <header className="metrics-header">
        <h1>Metrics</h1>
        <ScopeBreadcrumb />
        <RangePicker />
        {data && (
          <p
            className={offline ? 'metrics-as-of metrics-offline' : 'metrics-as-of'}
            data-testid="metrics-as-of"
            role="status"
          >
            {offline
              ? `Offline — as of ${formatDateTime(data.report.asOf)}, the last answer kept on this device.`
              : `As of ${formatDateTime(data.report.asOf)}`}
            {' · '}
            {formatDateTime(data.report.range.from)} – {formatDateTime(data.report.range.to)}
            {report.isFetching && <span className="metrics-hint"> · refreshing…</span>}
          </p>
        )}
      </header>
      {report.isPending ? (
        <p className="metrics-hint">Loading metrics…</p>
      ) : !data ? (
        <QueryErrorNotice
          error={report.error}
          title="Could not load the metrics"
          onRetry={() => void report.refetch()}
        />
      ) : (
        <>
          {report.isError && <QueryErrorNotice error={report.error} title="Showing the previous numbers" />}
          <DoraSummary dora={data.report.dora} />
          <AdoptionSection adoption={data.report.adoption} />
          <BeforeAfterSection beforeAfter={data.report.beforeAfter} />
          <TrendsSection weekly={data.report.weekly} launchDate={data.report.beforeAfter.launchDate} />
          <DistributionsSection report={data.report} />
          <NpsSection />
          <RoiSection
            report={data.report}
            settings={settings.data?.settings ?? null}
            canEdit={lead}
            offline={offline}
          />
          {settings.data && (
            <section className="metrics-section" aria-labelledby="metrics-settings-title">
              <h2 id="metrics-settings-title">Settings</h2>
              <SettingsPanel settings={settings.data.settings} canEdit={lead} offline={offline} />
            </section>
          )}
          {lead && <ImportPanel offline={offline} />}
          <DrillDown />
        </>
      )}
    </div>
  );
}
