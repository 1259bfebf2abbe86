// Admin › Import from CSV: choose what to import, read the file here (csv-parse), map its columns to the
// import's fields (guessed from the headers, remembered per user and kind), check every row on the host in
// chunks (imports.check, with progress) and show what is wrong row by row in the user's language; then
// import all rows — only when all are valid — or, on explicit choice, only the valid ones (imports.run:
// one call, one transaction).
import { Alert, Anchor, Button, FileInput, Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { IMPORT_CHECK_CHUNK, importCostFields, importFields, importKinds, importTargets, MAX_IMPORT_ROWS, requiredImportFields, type ImportKind, type ImportRowError } from '@shared/contract/imports';
import { contract, type ChannelOutput } from '@shared/contract';
import { call } from '@renderer/lib/api';
import { translateError } from '@renderer/lib/errors';
import { PageHeader } from '@renderer/lib/PageHeader';
import { can, useSession } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { otherColumnNames } from './columnNames';
import { decodeCsv, readCsv, type CsvFile } from './csvFile';
import { guessMapping, initialMapping, mappedRows, readRememberedMapping, rememberMapping, type Mapping } from './mapping';
import { rowErrorText } from './rowErrors';
import { en } from './locales/en';
import { es } from './locales/es';

/** Where the imported rows show afterwards. */
const listPaths: Record<ImportKind, string> = {
  products: '/catalog/products',
  companies: '/catalog/companies',
  locations: '/locations',
  inventoryProducts: '/stock/items',
  openingStock: '/stock/lots',
};

/** Rows the preview table shows, and problems it lists. */
const PREVIEW_ROWS = 5;
const SHOWN_PROBLEMS = 100;

type Check = { total: number; valid: number; errors: ImportRowError[] };
type Loaded = { name: string; file: CsvFile };

/** Other names a column of the field may have, in both languages. */
function namesOf(field: string): string[] {
  const label = (l: typeof en | typeof es) => (l.fields as Record<string, string>)[field] ?? '';
  return [label(en), label(es), ...(otherColumnNames[field] ?? [])];
}

export function ImportPage() {
  const { t, i18n } = useTranslation(['imports', 'common']);
  const f = useFormat();
  const user = useSession((s) => s.user);
  const kinds = importKinds.filter((k) => can(user, contract[importTargets[k]].permission));
  // Opened from a list (?kind=products): that list's kind, when the user may import it.
  const [params] = useSearchParams();
  const asked = kinds.find((k) => k === params.get('kind'));
  const [kind, setKind] = useState<ImportKind | null>(asked ?? kinds[0] ?? null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [language, setLanguage] = useState<'es' | 'en'>(i18n.language === 'es' ? 'es' : 'en');
  const [mapping, setMapping] = useState<Mapping>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ChannelOutput<'imports.run'> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // The answer shows below a long mapping: brought into view when it arrives.
  const previewRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (check || result) previewRef.current?.scrollIntoView?.({ block: 'start' });
  }, [check, result]);

  const fields: readonly string[] = kind ? importFields[kind] : [];
  const required = new Set<string>(kind ? requiredImportFields[kind] : []);
  const costHidden = !can(user, 'costs.view');
  const costFields = new Set<string>(kind ? importCostFields[kind] : []);
  const fieldLabel = (field: string) => t(`fields.${field}` as 'fields.sku');

  const resetResults = () => {
    setCheck(null);
    setResult(null);
    setFailure(null);
  };

  const mapFile = (nextKind: ImportKind | null, next: Loaded | null) => {
    resetResults();
    if (!nextKind || !next || !user) return setMapping({});
    const kindFields = importFields[nextKind].filter((field) => !(costHidden && (importCostFields[nextKind] as readonly string[]).includes(field)));
    const guessed = guessMapping(kindFields, next.file.headers, namesOf);
    setMapping(initialMapping(kindFields, next.file.headers, readRememberedMapping(localStorage, user.id, nextKind), guessed));
  };

  const chooseFile = async (file: File | null) => {
    setFileError(null);
    setLoaded(null);
    mapFile(kind, null);
    if (!file) return;
    let parsed: CsvFile;
    try {
      parsed = readCsv(decodeCsv(await file.arrayBuffer()));
    } catch (error) {
      setFileError(t('fileUnreadable', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (parsed.rows.length === 0) return setFileError(t('fileEmpty'));
    if (parsed.rows.length > MAX_IMPORT_ROWS) return setFileError(t('fileTooLarge', { rows: f.qty(parsed.rows.length), max: f.qty(MAX_IMPORT_ROWS) }));
    const next = { name: file.name, file: parsed };
    // A file separated by `;` comes from a Spanish spreadsheet: its numbers use a decimal comma.
    setLanguage(parsed.separator === ';' ? 'es' : parsed.separator === ',' ? 'en' : language);
    setLoaded(next);
    mapFile(kind, next);
  };

  const missing = [...required].filter((field) => !mapping[field]);
  const payload = () => {
    const { fields: mapped, rows } = mappedRows(loaded!.file.headers, loaded!.file.rows, mapping);
    return { kind: kind!, language, fields: mapped, rows };
  };

  const runCheck = async () => {
    if (!kind || !loaded || !user) return;
    rememberMapping(localStorage, user.id, kind, mapping);
    resetResults();
    const { fields: mapped, rows } = payload();
    const total = rows.length;
    const answer: Check = { total, valid: 0, errors: [] };
    setProgress({ done: 0, total });
    try {
      for (let start = 0; start < total; start += IMPORT_CHECK_CHUNK) {
        const chunk = await call('imports.check', { kind, language, fields: mapped, rows: rows.slice(start, start + IMPORT_CHECK_CHUNK), firstRow: start + 1 });
        answer.valid += chunk.valid;
        answer.errors.push(...chunk.errors.slice(0, Math.max(0, SHOWN_PROBLEMS - answer.errors.length)));
        setProgress({ done: Math.min(total, start + IMPORT_CHECK_CHUNK), total });
      }
      setCheck(answer);
    } catch (error) {
      setFailure(translateError(error));
    } finally {
      setProgress(null);
    }
  };

  const runImport = async (onlyValid: boolean) => {
    setRunning(true);
    setFailure(null);
    try {
      setResult(await call('imports.run', { ...payload(), onlyValid }));
      setCheck(null);
    } catch (error) {
      const details = (error as { details?: { reason?: unknown; errors?: unknown } }).details;
      // The rows changed since the check (another user added a SKU): show the import's own row errors.
      if (details?.reason === 'importRows' && Array.isArray(details.errors) && check) setCheck({ ...check, valid: check.total - new Set((details.errors as ImportRowError[]).map((e) => e.row)).size, errors: details.errors as ImportRowError[] });
      setFailure(translateError(error));
    } finally {
      setRunning(false);
    }
  };

  const invalid = check ? check.total - check.valid : 0;
  const previewRows = loaded?.file.rows.slice(0, PREVIEW_ROWS) ?? [];
  const mappedFields = fields.filter((field) => mapping[field]);

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('title')} description={t('description')} />

      <Paper withBorder p="lg" radius="sm">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('step.kind')}
          </Title>
          <Select
            label={t('kind')}
            data={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(value) => {
              const next = value as ImportKind | null;
              setKind(next);
              mapFile(next, loaded);
            }}
            maw={420}
          />
          {kind && (
            <Text size="sm" c="dimmed">
              {t(`kindHints.${kind}`)}
            </Text>
          )}
        </Stack>
      </Paper>

      {kind && (
        <Paper withBorder p="lg" radius="sm">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('step.file')}
            </Title>
            <FileInput label={t('file')} placeholder={t('filePlaceholder')} description={t('fileHint')} accept=".csv,text/csv,text/plain" onChange={(file) => void chooseFile(file)} maw={420} />
            {fileError && (
              <Alert color="red" role="alert">
                {fileError}
              </Alert>
            )}
            {loaded && <Text size="sm">{t('fileRead', { rows: f.qty(loaded.file.rows.length), columns: loaded.file.headers.length, name: loaded.name })}</Text>}
          </Stack>
        </Paper>
      )}

      {kind && loaded && (
        <Paper withBorder p="lg" radius="sm" data-testid="import-mapping">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('step.mapping')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('mappingHint')}
            </Text>
            <Select
              label={t('language')}
              data={(['es', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              value={language}
              allowDeselect={false}
              onChange={(value) => {
                setLanguage(value === 'es' ? 'es' : 'en');
                resetResults();
              }}
              maw={320}
            />
            <Table withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field')}</Table.Th>
                  <Table.Th>{t('column')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fields.map((field) => {
                  const hidden = costHidden && costFields.has(field);
                  const taken = new Set(Object.entries(mapping).filter(([other, header]) => other !== field && header).map(([, header]) => header));
                  return (
                    <Table.Tr key={field}>
                      <Table.Td>
                        {fieldLabel(field)}
                        {required.has(field) && (
                          <Text span c="red" aria-label={t('required')}>
                            {' *'}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {hidden ? (
                          <Text size="sm" c="dimmed">
                            {t('costHidden')}
                          </Text>
                        ) : (
                          <Select
                            aria-label={t('columnFor', { field: fieldLabel(field) })}
                            data={[{ value: '', label: t('notImported') }, ...loaded.file.headers.filter((h) => !taken.has(h)).map((h) => ({ value: h, label: h }))]}
                            value={mapping[field] ?? ''}
                            allowDeselect={false}
                            size="xs"
                            onChange={(value) => {
                              setMapping({ ...mapping, [field]: value ? value : null });
                              resetResults();
                            }}
                            maw={320}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {missing.length > 0 && (
              <Text size="sm" c="red">
                {t('missingRequired', { fields: missing.map(fieldLabel).join(', ') })}
              </Text>
            )}
            <Group>
              <Button onClick={() => void runCheck()} disabled={missing.length > 0 || progress !== null} loading={progress !== null}>
                {t('check')}
              </Button>
            </Group>
            {progress && (
              <Stack gap={4}>
                <Progress value={(100 * progress.done) / Math.max(progress.total, 1)} aria-label={t('checking')} />
                <Text size="sm">{t('checkProgress', { done: f.qty(progress.done), total: f.qty(progress.total) })}</Text>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}

      {kind && loaded && (check || result || failure) && (
        <Paper withBorder p="lg" radius="sm" data-testid="import-preview" ref={previewRef}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('step.preview')}
            </Title>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            {result && (
              <Alert color="green" role="status">
                <Stack gap={4}>
                  <Text size="sm">{t('done', { created: f.qty(result.created), skipped: f.qty(result.skipped) })}</Text>
                  <Group gap="md">
                    <Anchor component={Link} to={listPaths[kind]} size="sm" underline="always">
                      {t('openList')}
                    </Anchor>
                  </Group>
                </Stack>
              </Alert>
            )}
            {result && result.errors.length > 0 && <ProblemsTable errors={result.errors} fieldLabel={fieldLabel} rowNumbers={loaded?.file.rowNumbers} />}
            {check && (
              <>
                <Text size="sm" fw={500}>
                  {invalid === 0 ? t('allValid') : t('summary', { total: f.qty(check.total), valid: f.qty(check.valid), invalid: f.qty(invalid) })}
                </Text>
                <Title order={3} size="h5">
                  {t('firstRows')}
                </Title>
                <Table.ScrollContainer minWidth={600}>
                  <Table withTableBorder striped verticalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('row')}</Table.Th>
                        {mappedFields.map((field) => (
                          <Table.Th key={field}>{fieldLabel(field)}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {previewRows.map((row, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{loaded.file.rowNumbers[i] ?? i + 1}</Table.Td>
                          {mappedFields.map((field) => (
                            <Table.Td key={field}>{row[loaded.file.headers.indexOf(mapping[field]!)]}</Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {check.errors.length > 0 && (
                  <>
                    <Title order={3} size="h5">
                      {t('problems')}
                    </Title>
                    <ProblemsTable errors={check.errors} fieldLabel={fieldLabel} rowNumbers={loaded?.file.rowNumbers} />
                    {invalid > check.errors.length && (
                      <Text size="sm" c="dimmed">
                        {t('problemsShown', { shown: check.errors.length })}
                      </Text>
                    )}
                  </>
                )}
                {running && (
                  <Stack gap={4} data-testid="import-progress">
                    <Progress value={100} striped animated aria-label={t('importing')} />
                    <Text size="sm">{t('importingText', { count: check.total })}</Text>
                  </Stack>
                )}
                <Group>
                  <Button onClick={() => void runImport(false)} disabled={invalid > 0 || running}>
                    {t('importAll', { count: check.total })}
                  </Button>
                  {invalid > 0 && check.valid > 0 && (
                    <Button variant="default" onClick={() => void runImport(true)} disabled={running}>
                      {t('importValid', { count: check.valid })}
                    </Button>
                  )}
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      )}

    </Stack>
  );
}

/** Each problem on its row, in the user's words. */
/** Problems by the row's number in the file (`rowNumbers`: blank rows of the file counted), as the user finds it in the spreadsheet. */
function ProblemsTable({ errors, fieldLabel, rowNumbers }: { errors: readonly ImportRowError[]; fieldLabel: (field: string) => string; rowNumbers?: readonly number[] }) {
  const inFile = (row: number) => rowNumbers?.[row - 1] ?? row;
  const { t } = useTranslation('imports');
  return (
    <Table withTableBorder striped verticalSpacing={4} data-testid="import-problems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>{t('row')}</Table.Th>
          <Table.Th>{t('problem')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((error, i) => (
          <Table.Tr key={i}>
            <Table.Td>{inFile(error.row)}</Table.Td>
            <Table.Td>{rowErrorText(error, fieldLabel, inFile)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
