import { Toast } from 'radix-ui';
import { Button } from './Button';
import { useToastStore } from './toast-store';
import './ui.css';

/** Where toasts appear (bottom right, above the status bar); F8 moves focus there (Radix's hotkey). */
export function Toaster() {
  const toasts = useToastStore((state) => state.toasts);
  const dismiss = useToastStore((state) => state.dismiss);
  return (
    <Toast.Provider swipeDirection="right">
      {toasts.map((item) => (
        <Toast.Root
          key={item.id}
          className="ui-toast"
          data-tone={item.tone}
          duration={item.duration}
          onOpenChange={(open) => {
            if (!open) dismiss(item.id);
          }}
          data-testid="toast"
        >
          <div className="ui-toast-text">
            <Toast.Title className="ui-toast-title">{item.title}</Toast.Title>
            {item.description ? (
              <Toast.Description className="ui-toast-description">{item.description}</Toast.Description>
            ) : null}
          </div>
          {item.action ? (
            <Toast.Action asChild altText={item.action.label}>
              <Button size="small" onClick={item.action.run}>
                {item.action.label}
              </Button>
            </Toast.Action>
          ) : null}
          <Toast.Close asChild>
            <Button size="small" variant="ghost" aria-label="Dismiss">
              ×
            </Button>
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="ui-toast-viewport" />
    </Toast.Provider>
  );
}
