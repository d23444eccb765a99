import { describe, expect, it } from 'vitest';
import { DEFAULT_ROI_INPUTS } from '../../../../shared/domain/metrics';
import { refusalByField } from '../../../../renderer/components/form-refusal';
import { IpcError } from '../../../../renderer/data/ipc-error';
import { draftOf, roiFields, roiProblems } from '../../../../renderer/features/metrics/roi-draft';

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
    const refused = (...paths: string[]) =>
      refusalByField(
        new IpcError({
          code: 'invalid_input',
          message: 'refused',
          fields: paths.map((path) => ({ path, message: `bad ${path}` })),
        }),
        roiFields(DEFAULT_ROI_INPUTS),
        { prefix: 'roi.' },
      );
    expect(refused('roi.hourlyRateUsd', 'roi.hoursSavedPerUse.cache')).toEqual({
      fields: [
        { name: 'hourlyRateUsd', message: 'bad roi.hourlyRateUsd' },
        { name: 'hoursSavedPerUse.cache', message: 'bad roi.hoursSavedPerUse.cache' },
      ],
      message: null,
    });
    // Reasons about no ROI input are left for the message next to Save.
    expect(refused('adoptionDays').fields).toEqual([]);
    expect(refused('roi.sources.cache').message).not.toBeNull();
  });
});
