import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { settingsQuery } from '../../data/ipc-queries';
import { incidentsQuery } from './data';
import { newlyOpened } from './newly-opened';

/**
 * A desktop notification when an incident opens for a service of the user's team. Permission is
 * asked once, the first time there is something to say — never on launch.
 */
export function useIncidentNotifications(): void {
  const incidents = useQuery(incidentsQuery());
  const settings = useQuery(settingsQuery());
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!incidents.data) return;
    const open = incidents.data.filter((i) => i.status === 'open');
    // The first load is history, not news.
    if (seen.current === null) {
      seen.current = new Set(open.map((i) => i.id));
      return;
    }
    const teamIds = new Set(settings.data?.user?.teamIds ?? []);
    const fresh = newlyOpened(open, seen.current, teamIds);
    for (const incident of open) seen.current.add(incident.id);
    if (fresh.length === 0 || typeof Notification === 'undefined') return;
    const show = () => {
      for (const incident of fresh) {
        new Notification(`Incident: ${incident.serviceName ?? incident.serviceId}`, {
          body: incident.title,
          tag: incident.id,
        });
      }
    };
    if (Notification.permission === 'granted') show();
    else if (Notification.permission === 'default') {
      void Notification.requestPermission().then((permission) => {
        if (permission === 'granted') show();
      });
    }
  }, [incidents.data, settings.data]);
}

/** Runs for the app's lifetime (the feature's `background`); renders nothing. */
export function IncidentNotifications(): null {
  useIncidentNotifications();
  return null;
}
