import { RadioCards } from '../components/ui/Choice';
import { useAppearanceStore, type Appearance } from '../theme/appearance';

const options: readonly { value: Appearance; label: string; description: string }[] = [
  { value: 'system', label: 'System', description: 'Follow the light or dark setting of this computer' },
  { value: 'light', label: 'Light', description: 'Always light' },
  { value: 'dark', label: 'Dark', description: 'Always dark' },
];

/**
 * Settings → Appearance: light or dark on request, or the OS's choice. Kept on this computer
 * (renderer/theme/appearance.ts); the palette's "Switch to dark/light theme" sets the same choice.
 */
export function AppearanceSection() {
  const appearance = useAppearanceStore((state) => state.appearance);
  const setAppearance = useAppearanceStore((state) => state.setAppearance);
  return (
    <section
      className="settings-section"
      aria-labelledby="settings-appearance"
      data-testid="settings-appearance"
    >
      <h2 id="settings-appearance">Appearance</h2>
      <RadioCards
        legend="Theme"
        options={options}
        value={appearance}
        onChange={setAppearance}
        testId="appearance-choice"
      />
    </section>
  );
}
