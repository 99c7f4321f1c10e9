/**
 * A minimal Alertmanager configuration for tests: one receiver that notifies nobody, short grouping
 * waits, so alerts are visible through `GET /api/v2/alerts` within a second or two. JSON is valid YAML.
 * Tests that assert notifications pass their own file (e.g. with a `webhook_configs` receiver).
 */
export function renderDefaultAlertmanagerConfig(): string {
  const config = {
    route: { receiver: 'blackhole', group_wait: '1s', group_interval: '1s', repeat_interval: '1h' },
    receivers: [{ name: 'blackhole' }],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
