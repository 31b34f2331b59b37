/**
 * @module page-title
 * The browser tab's title per screen ("Alerts · Embargo"), so history and tabs say where they lead.
 */
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Embargo` : 'Embargo';
  }, [title]);
}
