import { useTranslation } from 'react-i18next';
import type { ReportTable } from '@switchboard/shared';
import { useStore } from '../../store';
import { Icon } from '../common/Icon';

/** Saves one table of the report, with the filters on screen, as the server's CSV. */
export function ExportButton({ table }: { table: ReportTable }) {
  const { t } = useTranslation('reports');
  const exportTable = useStore((s) => s.exportReportTable);
  return (
    <button
      className="btn ghost small"
      data-export={table}
      title={t('exportTitle')}
      onClick={() => void exportTable(table)}
    >
      <Icon name="download" />
      {t('csv')}
    </button>
  );
}
