import { describe, expect, it } from 'vitest';
import { DEFAULT_ROI_INPUTS } from '../../../../shared/domain/metrics';
import { draftOf, roiFieldOf, roiProblems } from '../../../../renderer/features/metrics/roi-draft';

const label = (capability: string) => capability;

describe('the ROI inputs form', () => {
  it('says every wrong input under its own field, not only the first', () => {
    const draft = draftOf(DEFAULT_ROI_INPUTS);
    expect(
      roiProblems(
        { hourlyRateUsd: 'lots', hoursSavedPerUse: { ...draft.hoursSavedPerUse, cache: '-1', queue: '' } },
        DEFAULT_ROI_INPUTS,
        label,
      ),
    ).toEqual({
      hourlyRateUsd: 'Hourly rate: enter a number',
      'hoursSavedPerUse.cache': 'Hours saved per use of cache: between 0 and 10,000',
      'hoursSavedPerUse.queue': 'Hours saved per use of queue: enter a number',
    });
    expect(roiProblems(draft, DEFAULT_ROI_INPUTS, label)).toEqual({});
  });

  it('places a refusal of the saved settings on the ROI input it names', () => {
    expect(roiFieldOf('roi.hourlyRateUsd')).toBe('hourlyRateUsd');
    expect(roiFieldOf('roi.hoursSavedPerUse.cache')).toBe('hoursSavedPerUse.cache');
    expect(roiFieldOf('adoptionDays')).toBeNull();
    expect(roiFieldOf('roi.sources.cache')).toBeNull();
  });
});
