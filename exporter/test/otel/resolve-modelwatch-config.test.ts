import {
  DEFAULT_EXPORT_INTERVAL_MILLIS,
  DEFAULT_EXPORT_TIMEOUT_MILLIS,
  DEFAULT_OTLP_REQUEST_TIMEOUT_MILLIS,
  resolveModelwatchConfig,
} from '../../src/otel/index.js';

describe('resolveModelwatchConfig: defaults', () => {
  const config = resolveModelwatchConfig({}, {});

  test('OTLP push over http/protobuf, cumulative, the exporter left to read endpoint and headers itself', () => {
    expect(config.otlp).toEqual({
      protocol: 'http/protobuf',
      protocolSource: 'default',
      url: undefined,
      destination: 'http://localhost:4318/v1/metrics',
      headers: undefined,
      requestTimeoutMillis: DEFAULT_OTLP_REQUEST_TIMEOUT_MILLIS,
      temporality: 'cumulative',
    });
  });

  test('OpenTelemetry default schedule (60 s interval, 30 s timeout), no pull path, global registration, no warnings', () => {
    expect(config.exportIntervalMillis).toBe(60_000);
    expect(DEFAULT_EXPORT_INTERVAL_MILLIS).toBe(60_000);
    expect(config.exportTimeoutMillis).toBe(DEFAULT_EXPORT_TIMEOUT_MILLIS);
    expect(config.prometheus).toBeUndefined();
    expect(config.setGlobal).toBe(true);
    expect(config.resource).toEqual({ serviceName: undefined, attributes: {} });
    expect(config.warnings).toEqual([]);
  });

  test('undefined options behave like {}', () => {
    expect(resolveModelwatchConfig(undefined, {})).toEqual(config);
  });
});

describe('resolveModelwatchConfig: protocol', () => {
  test('the metrics-specific variable wins over the general one', () => {
    const config = resolveModelwatchConfig(
      {},
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json' },
    );
    expect(config.otlp).toMatchObject({ protocol: 'http/json', protocolSource: 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL' });
  });

  test('the general variable applies when the specific one is unset or blank', () => {
    const config = resolveModelwatchConfig({}, { OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: '  ', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
    expect(config.otlp).toMatchObject({ protocol: 'http/json', protocolSource: 'OTEL_EXPORTER_OTLP_PROTOCOL' });
  });

  test('the option wins over both variables', () => {
    const config = resolveModelwatchConfig({ protocol: 'http/protobuf' }, { OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json' });
    expect(config.otlp).toMatchObject({ protocol: 'http/protobuf', protocolSource: 'option' });
  });

  test('grpc from the environment falls back to protobuf with a warning, never a throw', () => {
    const config = resolveModelwatchConfig({}, { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' });
    expect(config.otlp).toMatchObject({ protocol: 'http/protobuf', protocolSource: 'default' });
    expect(config.warnings).toEqual([
      'OTEL_EXPORTER_OTLP_PROTOCOL="grpc" is not supported (use http/protobuf or http/json); using http/protobuf',
    ]);
  });
});

describe('resolveModelwatchConfig: schedule', () => {
  test('OTEL_METRIC_EXPORT_INTERVAL and _TIMEOUT are read', () => {
    const config = resolveModelwatchConfig({}, { OTEL_METRIC_EXPORT_INTERVAL: '5000', OTEL_METRIC_EXPORT_TIMEOUT: '2000' });
    expect([config.exportIntervalMillis, config.exportTimeoutMillis]).toEqual([5000, 2000]);
  });

  test('options override the variables', () => {
    const config = resolveModelwatchConfig(
      { exportIntervalMillis: 1000, exportTimeoutMillis: 800 },
      { OTEL_METRIC_EXPORT_INTERVAL: '5000', OTEL_METRIC_EXPORT_TIMEOUT: '2000' },
    );
    expect([config.exportIntervalMillis, config.exportTimeoutMillis]).toEqual([1000, 800]);
  });

  test('a short interval caps the default timeout silently, as the SDK does', () => {
    const config = resolveModelwatchConfig({ exportIntervalMillis: 500 }, {});
    expect([config.exportIntervalMillis, config.exportTimeoutMillis]).toEqual([500, 500]);
    expect(config.otlp?.requestTimeoutMillis).toBe(500);
    expect(config.warnings).toEqual([]);
  });

  test('a timeout above the interval from the environment is capped with a warning', () => {
    const config = resolveModelwatchConfig({ exportIntervalMillis: 1000 }, { OTEL_METRIC_EXPORT_TIMEOUT: '5000' });
    expect(config.exportTimeoutMillis).toBe(1000);
    expect(config.warnings).toEqual(['export timeout 5000 ms exceeds the export interval 1000 ms; using 1000 ms']);
  });

  test('a timeout above the interval, both explicit, is refused', () => {
    expect(() => resolveModelwatchConfig({ exportIntervalMillis: 1000, exportTimeoutMillis: 2000 }, {})).toThrow(
      new RangeError('startModelwatch: options.exportTimeoutMillis must be <= options.exportIntervalMillis (1000), got 2000'),
    );
  });

  test.each([['abc'], ['-5'], ['0'], ['Infinity']])('invalid OTEL_METRIC_EXPORT_INTERVAL=%s is ignored with a warning', (raw) => {
    const config = resolveModelwatchConfig({}, { OTEL_METRIC_EXPORT_INTERVAL: raw });
    expect(config.exportIntervalMillis).toBe(DEFAULT_EXPORT_INTERVAL_MILLIS);
    expect(config.warnings).toEqual([
      `OTEL_METRIC_EXPORT_INTERVAL=${JSON.stringify(raw)} is not a positive number of milliseconds; ignored`,
    ]);
  });

  test('the OTLP request timeout comes from OTEL_EXPORTER_OTLP_[METRICS_]TIMEOUT and never exceeds the export timeout', () => {
    expect(resolveModelwatchConfig({}, { OTEL_EXPORTER_OTLP_TIMEOUT: '4000' }).otlp?.requestTimeoutMillis).toBe(4000);
    expect(
      resolveModelwatchConfig({}, { OTEL_EXPORTER_OTLP_TIMEOUT: '4000', OTEL_EXPORTER_OTLP_METRICS_TIMEOUT: '3000' }).otlp
        ?.requestTimeoutMillis,
    ).toBe(3000);
    expect(
      resolveModelwatchConfig({ exportIntervalMillis: 2000 }, { OTEL_EXPORTER_OTLP_TIMEOUT: '4000' }).otlp?.requestTimeoutMillis,
    ).toBe(2000);
  });
});

describe('resolveModelwatchConfig: endpoint, headers, temporality', () => {
  test('url and headers options are passed on; the destination follows the exporter rules', () => {
    const config = resolveModelwatchConfig(
      { url: 'https://otlp.example.com/v1/metrics', headers: { authorization: 'Bearer t' } },
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318' },
    );
    expect(config.otlp).toMatchObject({
      url: 'https://otlp.example.com/v1/metrics',
      destination: 'https://otlp.example.com/v1/metrics',
      headers: { authorization: 'Bearer t' },
    });
  });

  test('without url, the destination shown is the metrics endpoint, else the base endpoint + v1/metrics', () => {
    expect(resolveModelwatchConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://vmagent:8429/opentelemetry' }).otlp?.destination).toBe(
      'http://vmagent:8429/opentelemetry/v1/metrics',
    );
    expect(
      resolveModelwatchConfig(
        {},
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:1/', OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://b:2/custom' },
      ).otlp,
    ).toMatchObject({ url: undefined, destination: 'http://b:2/custom' });
  });

  test('a delta temporality preference in the environment is overridden, with a warning', () => {
    const config = resolveModelwatchConfig({}, { OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'delta' });
    expect(config.otlp?.temporality).toBe('cumulative');
    expect(config.warnings).toHaveLength(1);
    expect(config.warnings[0]).toMatch(/^OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE="delta" ignored/);
    expect(resolveModelwatchConfig({}, { OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'Cumulative' }).warnings).toEqual([]);
  });
});

describe('resolveModelwatchConfig: push and pull paths', () => {
  test('prometheus option adds the pull path next to OTLP', () => {
    const config = resolveModelwatchConfig({ prometheus: { port: 9464, host: '127.0.0.1' } }, {});
    expect(config.prometheus).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(config.otlp).toBeDefined();
  });

  test('otlp: false leaves only the pull path', () => {
    const config = resolveModelwatchConfig({ otlp: false, prometheus: { port: 9464 } }, {});
    expect(config.otlp).toBeUndefined();
    expect(config.prometheus).toEqual({ port: 9464 });
  });

  test('OTEL_METRICS_EXPORTER=prometheus turns OTLP off and the pull path on (host/port left to the exporter)', () => {
    const config = resolveModelwatchConfig({}, { OTEL_METRICS_EXPORTER: 'prometheus' });
    expect(config.otlp).toBeUndefined();
    expect(config.prometheus).toEqual({});
  });

  test('OTEL_METRICS_EXPORTER=otlp,prometheus enables both; options override it', () => {
    const both = resolveModelwatchConfig({}, { OTEL_METRICS_EXPORTER: ' OTLP , prometheus ' });
    expect([both.otlp !== undefined, both.prometheus]).toEqual([true, {}]);
    const overridden = resolveModelwatchConfig({ otlp: true, prometheus: false }, { OTEL_METRICS_EXPORTER: 'prometheus' });
    expect([overridden.otlp !== undefined, overridden.prometheus]).toEqual([true, undefined]);
  });

  test('OTEL_METRICS_EXPORTER=none disables both; an unsupported exporter name is a warning', () => {
    const none = resolveModelwatchConfig({}, { OTEL_METRICS_EXPORTER: 'none' });
    expect([none.otlp, none.prometheus, none.warnings]).toEqual([undefined, undefined, []]);
    const consoleOnly = resolveModelwatchConfig({}, { OTEL_METRICS_EXPORTER: 'console,otlp' });
    expect(consoleOnly.otlp).toBeDefined();
    expect(consoleOnly.warnings).toEqual(['OTEL_METRICS_EXPORTER names "console", which startModelwatch does not support; ignored']);
  });

  test('OTEL_SDK_DISABLED=true turns off both paths, even when options ask for them', () => {
    const config = resolveModelwatchConfig({ otlp: true, prometheus: { port: 9464 } }, { OTEL_SDK_DISABLED: 'TRUE' });
    expect([config.otlp, config.prometheus]).toEqual([undefined, undefined]);
  });
});

describe('resolveModelwatchConfig: resource and global registration', () => {
  test('serviceName and resourceAttributes are kept as overrides; setGlobal: false is honoured', () => {
    const config = resolveModelwatchConfig(
      { serviceName: 'fraud-api', resourceAttributes: { 'deployment.environment.name': 'prod', replicas: 3 }, setGlobal: false },
      { OTEL_SERVICE_NAME: 'from-env' },
    );
    expect(config.resource).toEqual({
      serviceName: 'fraud-api',
      attributes: { 'deployment.environment.name': 'prod', replicas: 3 },
    });
    expect(config.setGlobal).toBe(false);
  });
});

describe('resolveModelwatchConfig: invalid options name the field and the value', () => {
  test.each<[string, unknown, ErrorConstructor, string]>([
    ['protocol', { protocol: 'grpc' }, RangeError, `options.protocol must be 'http/protobuf' or 'http/json', got "grpc"`],
    ['url scheme', { url: 'ftp://x/v1/metrics' }, RangeError, 'options.url must be an absolute http:// or https:// URL, got "ftp://x/v1/metrics"'],
    ['url type', { url: 42 }, TypeError, 'options.url must be a string URL, got 42'],
    ['interval sign', { exportIntervalMillis: -5 }, RangeError, 'options.exportIntervalMillis must be > 0 milliseconds, got -5'],
    ['interval fraction', { exportIntervalMillis: 1.5 }, RangeError, 'options.exportIntervalMillis must be a whole number of milliseconds, got 1.5'],
    ['timeout type', { exportTimeoutMillis: '1000' }, TypeError, 'options.exportTimeoutMillis must be a number of milliseconds, got "1000"'],
    ['port range', { prometheus: { port: 70000 } }, RangeError, 'options.prometheus.port must be a TCP port in 1..65535, got 70000'],
    ['prometheus type', { prometheus: true }, TypeError, 'options.prometheus must be { port?, host?, endpoint? } or false, got true'],
    ['endpoint', { prometheus: { endpoint: 'metrics' } }, RangeError, 'options.prometheus.endpoint must be a path starting with / such as /metrics, got "metrics"'],
    ['serviceName', { serviceName: '' }, RangeError, 'options.serviceName must not be empty, got ""'],
    ['setGlobal', { setGlobal: 'yes' }, TypeError, 'options.setGlobal must be true or false, got "yes"'],
    ['options type', 'fast', TypeError, 'options must be an object, got "fast"'],
    ['unknown option', { exportInterval: 5 }, RangeError, 'options has unknown option(s) "exportInterval"'],
  ])('%s', (_label, options, errorType, message) => {
    expect(() => resolveModelwatchConfig(options, {})).toThrow(errorType);
    expect(() => resolveModelwatchConfig(options, {})).toThrow(`startModelwatch: ${message}`);
  });

  test('a bad header value is reported by its type, never its content', () => {
    expect(() => resolveModelwatchConfig({ headers: { authorization: 12345 } }, {})).toThrow(
      'startModelwatch: options.headers.authorization header values must be strings, got a number',
    );
  });
});

describe('resolveModelwatchConfig: cardinalityLimit', () => {
  test('defaults to 20 000 series per instrument; the option wins; out-of-range values are refused by name', () => {
    expect(resolveModelwatchConfig({}, {}).cardinalityLimit).toBe(20_000);
    expect(resolveModelwatchConfig({ cardinalityLimit: 50_000 }, {}).cardinalityLimit).toBe(50_000);
    expect(() => resolveModelwatchConfig({ cardinalityLimit: 20_000_000 }, {})).toThrow('startModelwatch: options.cardinalityLimit must be at most 10000000 series, got 20000000');
  });
});
