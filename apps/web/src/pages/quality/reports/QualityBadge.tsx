import type { QualityScore } from '@shuliu/contracts';
import { Tag, Tooltip } from 'antd';
import { useT } from '../../../i18n/I18nProvider';

/** One colour per band of the overall score, the same everywhere. */
export function scoreColor(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'default';
  if (score >= 90) return 'success';
  if (score >= 75) return 'processing';
  if (score >= 60) return 'warning';
  return 'error';
}

/** The latest overall data-quality score of a resource as a tag; nothing when it was never scored. */
export function QualityBadge({ quality }: { quality: QualityScore | null | undefined }) {
  const t = useT();
  if (!quality) return null;
  const text = quality.overall === null ? t.quality.noScore : quality.overall.toFixed(1);
  return (
    <Tooltip title={t.quality.badgeTip}>
      <Tag color={scoreColor(quality.overall)} data-testid="quality-badge">
        {t.quality.badge(text)}
      </Tag>
    </Tooltip>
  );
}
