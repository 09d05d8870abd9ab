import { parseEntityRef } from '@backstage/catalog-model';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { ReviewStepProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { createContext, ReactNode, useContext, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useCloudLabels } from '../components/common/labels';
import { cloudTranslationRef } from '../translation';
import { applicationRefOf } from './applications';
import { APPLICATION_PICKER } from './ApplicationPickerField';
import { ENVIRONMENTS_PICKER } from './EnvironmentsPickerField';
import { ESTABLISHMENT_PICKER } from './EstablishmentPickerField';

/** The button labels of the template being filled (its `presentation`). */
export const ReviewLabelsContext = createContext<{
  back?: string;
  create?: string;
}>({});

type JsonSchema = {
  type?: string | string[];
  title?: string;
  enum?: unknown[];
  enumNames?: string[];
  oneOf?: Array<{ const?: unknown; title?: string }>;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  format?: string;
  [key: string]: unknown;
};

type Step = ReviewStepProps['steps'][number] & { title?: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ENTITY_REF = /^[a-z][a-z0-9-]*:[^/\s]+\/[^\s]+$/i;

/** What the review shows of one field: a label and one or more lines. */
interface ReviewRow {
  key: string;
  label: string;
  lines: string[];
}

function uiOf(step: Step, key: string, property: JsonSchema) {
  const fromUiSchema = (step.uiSchema?.[key] ?? {}) as Record<string, unknown>;
  return {
    field: (fromUiSchema['ui:field'] ?? property['ui:field']) as
      | string
      | undefined,
    widget: (fromUiSchema['ui:widget'] ?? property['ui:widget']) as
      | string
      | undefined,
    review: (
      (fromUiSchema['ui:backstage'] ?? property['ui:backstage']) as
        | { review?: { show?: boolean; mask?: string; name?: string } }
        | undefined
    )?.review,
  };
}

function establishmentRef(uai: string) {
  return `group:default/etab-${uai.toLocaleLowerCase('en-US')}`;
}

/** The entity refs the review names, to show their titles. */
function refsOf(steps: Step[], formData: Record<string, unknown>): string[] {
  const refs = new Set<string>();
  for (const step of steps) {
    const properties = (step.mergedSchema.properties ?? {}) as Record<
      string,
      JsonSchema
    >;
    for (const [key, property] of Object.entries(properties)) {
      const value = formData[key];
      const { field } = uiOf(step, key, property);
      if (typeof value !== 'string' || !value) {
        continue;
      }
      if (field === ESTABLISHMENT_PICKER) {
        refs.add(establishmentRef(value));
      } else if (field === APPLICATION_PICKER) {
        const ref = applicationRefOf(value);
        if (ref) refs.add(ref);
      } else if (ENTITY_REF.test(value)) {
        refs.add(value.toLocaleLowerCase('en-US'));
      }
    }
  }
  return [...refs];
}

/**
 * The review page of the portal's forms: each answer under the question's
 * title, as the person chose it — titles of applications and instances
 * rather than entity refs, the establishment's name with its UAI, the
 * environments' names, dates in the reader's language, "Oui"/"Non" or the
 * option's title for a yes/no question, one line per contact.
 */
export function RequestReviewStep(props: ReviewStepProps) {
  const { formData, steps, handleBack, handleCreate, disableButtons } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const cloudLabels = useCloudLabels();
  const catalogApi = useApi(catalogApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const buttons = useContext(ReviewLabelsContext);
  const data = formData as Record<string, unknown>;
  const refs = useMemo(() => refsOf(steps as Step[], data), [steps, data]);
  const { value: titles } = useAsync(async () => {
    const map = new Map<string, string>();
    if (!refs.length) {
      return map;
    }
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    items.forEach((entity, index) => {
      if (entity) {
        const profile = (entity.spec as any)?.profile?.displayName;
        map.set(
          refs[index],
          entity.metadata.title ?? profile ?? entity.metadata.name,
        );
      }
    });
    return map;
  }, [catalogApi, refs.join(',')]);

  const date = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(language, {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${iso}T00:00:00Z`));
    } catch {
      return iso;
    }
  };
  const titleOfRef = (ref: string) => {
    const known = titles?.get(ref.toLocaleLowerCase('en-US'));
    if (known) return known;
    try {
      return parseEntityRef(ref).name;
    } catch {
      return ref;
    }
  };

  const scalar = (
    value: unknown,
    property: JsonSchema,
    field?: string,
  ): string => {
    if (typeof value === 'boolean') {
      const option = property.oneOf?.find(o => o.const === value);
      if (option?.title) return option.title;
      return value ? t('scaffolder.review.yes') : t('scaffolder.review.no');
    }
    if (typeof value === 'number') {
      return value.toLocaleString(language);
    }
    if (typeof value !== 'string') {
      return value === null || value === undefined ? '' : JSON.stringify(value);
    }
    if (property.enum && property.enumNames) {
      const index = property.enum.indexOf(value);
      if (index >= 0 && property.enumNames[index])
        return property.enumNames[index];
    }
    const option = property.oneOf?.find(o => o.const === value);
    if (option?.title) return option.title;
    if (field === ESTABLISHMENT_PICKER) {
      const title = titles?.get(establishmentRef(value));
      return title
        ? t('scaffolder.establishment.option', {
            title,
            uai: value.toUpperCase(),
          })
        : value.toUpperCase();
    }
    if (field === APPLICATION_PICKER) {
      return titleOfRef(applicationRefOf(value) ?? value);
    }
    if (field === ENVIRONMENTS_PICKER) {
      return cloudLabels.environment(value);
    }
    if (ENTITY_REF.test(value)) {
      return titleOfRef(value);
    }
    if (DATE.test(value) || property.format === 'date') {
      return date(value);
    }
    return value;
  };

  const linesOf = (
    value: unknown,
    property: JsonSchema,
    field?: string,
  ): string[] => {
    if (Array.isArray(value)) {
      const items = property.items ?? {};
      return value.flatMap(item => {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          const entries = Object.entries(item as Record<string, unknown>);
          const parts = entries
            .filter(([, v]) => v !== undefined && v !== '')
            .map(([k, v]) => scalar(v, items.properties?.[k] ?? {}));
          return parts.length ? [parts.join(' — ')] : [];
        }
        return [scalar(item, items, field)];
      });
    }
    if (value && typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => {
          const sub = property.properties?.[k] ?? {};
          return `${sub.title ?? k} : ${scalar(v, sub)}`;
        });
    }
    return [scalar(value, property, field)];
  };

  const sections = (steps as Step[]).map((step, index) => {
    const properties = (step.mergedSchema.properties ?? {}) as Record<
      string,
      JsonSchema
    >;
    const rows: ReviewRow[] = [];
    for (const [key, property] of Object.entries(properties)) {
      const value = data[key];
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value) && !value.length) continue;
      const ui = uiOf(step, key, property);
      if (ui.review?.show === false) continue;
      const label = ui.review?.name ?? property.title ?? key;
      if (ui.review?.mask) {
        rows.push({ key, label, lines: [ui.review.mask] });
        continue;
      }
      if (ui.widget === 'password' || ui.field?.toLowerCase() === 'secret') {
        rows.push({ key, label, lines: ['******'] });
        continue;
      }
      rows.push({ key, label, lines: linesOf(value, property, ui.field) });
    }
    return {
      title:
        step.title ?? (step.mergedSchema.title as string | undefined) ?? '',
      rows,
      index,
    };
  });

  const cell = (lines: string[]): ReactNode =>
    lines.length > 1 ? (
      <Box component="ul" m={0} pl={2}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </Box>
    ) : (
      lines[0]
    );

  return (
    <Box id="cloud-review">
      <Typography variant="h5" component="h2" gutterBottom>
        {t('scaffolder.review.title')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('scaffolder.review.intro')}
      </Typography>
      {sections
        .filter(section => section.rows.length)
        .map(section => (
          <Box key={section.index} mb={3}>
            <Typography variant="h6" component="h3" gutterBottom>
              {section.title}
            </Typography>
            <Paper variant="outlined">
              <Table size="small" aria-label={section.title}>
                <TableBody>
                  {section.rows.map(row => (
                    <TableRow key={row.key}>
                      <TableCell
                        component="th"
                        scope="row"
                        style={{ width: '35%', fontWeight: 600 }}
                      >
                        {row.label}
                      </TableCell>
                      <TableCell>{cell(row.lines)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          </Box>
        ))}
      <Box display="flex" justifyContent="flex-end" mt={2}>
        <Box mr={1}>
          <Button onClick={handleBack} disabled={disableButtons}>
            {buttons.back ?? t('scaffolder.review.back')}
          </Button>
        </Box>
        <Button
          variant="contained"
          color="primary"
          onClick={handleCreate}
          disabled={disableButtons}
        >
          {buttons.create ?? t('scaffolder.review.create')}
        </Button>
      </Box>
    </Box>
  );
}
