import { useEffect, useState } from 'react';
import { invoke } from './api/client';

/** Placeholder shell; replaced by the full UI. */
export function App() {
  const [version, setVersion] = useState('');
  useEffect(() => {
    void invoke('app.info', {}).then((r) => r.ok && setVersion(r.value.version));
  }, []);
  return <h1>TambonPlan {version}</h1>;
}
