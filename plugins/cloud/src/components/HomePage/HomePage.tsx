import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
} from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { cloudTranslationRef } from '../../translation';
import { TodoSection } from './TodoSection';

function useDisplayName(): string | undefined {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [name, setName] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { userEntityRef } = await identityApi.getBackstageIdentity();
      const entity = await catalogApi
        .getEntityByRef(userEntityRef)
        .catch(() => undefined);
      const profile = entity?.spec?.profile as
        | { displayName?: string }
        | undefined;
      if (!cancelled) {
        setName(profile?.displayName ?? entity?.metadata.name);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [identityApi, catalogApi]);
  return name;
}

type EntryPoint = { title: string; text: string; to: string };

/**
 * The portal's home page: "À faire" (what the signed-in person must do
 * next), then what the "mode service" programme is and where to start.
 *
 * @internal
 */
export function HomePage() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const name = useDisplayName();

  const entryPoints: EntryPoint[] = [
    {
      title: t('home.catalogTitle'),
      text: t('home.catalogText'),
      to: '/cloud/offer',
    },
    {
      title: t('home.requestTitle'),
      text: t('home.requestText'),
      to: '/create',
    },
    {
      title: t('home.myInstancesTitle'),
      text: t('home.myInstancesText'),
      to: '/cloud/instances',
    },
    { title: t('home.docsTitle'), text: t('home.docsText'), to: '/docs' },
  ];
  const steps = [
    t('home.stepRequest'),
    t('home.stepQualification'),
    t('home.stepOnboarding'),
    t('home.stepLive'),
  ];

  return (
    <Page themeId="home">
      <Header
        title={t('home.title')}
        subtitle={name ? t('home.greeting', { name }) : t('home.subtitle')}
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <TodoSection />
          </Grid>
          <Grid item xs={12}>
            <Typography variant="body1">{t('home.intro')}</Typography>
          </Grid>
          <Grid item xs={12}>
            <Typography variant="h2" component="h2">
              {t('home.entryPoints')}
            </Typography>
          </Grid>
          {entryPoints.map(entry => (
            <Grid item xs={12} sm={6} lg={3} key={entry.to}>
              <InfoCard title={entry.title}>
                <Typography variant="body2" paragraph>
                  {entry.text}
                </Typography>
                <Link
                  to={entry.to}
                  aria-label={`${t('home.open')} : ${entry.title}`}
                >
                  {t('home.open')}
                </Link>
              </InfoCard>
            </Grid>
          ))}
          <Grid item xs={12}>
            <InfoCard title={t('home.programmeTitle')}>
              <ol>
                {steps.map(step => (
                  <li key={step}>
                    <Typography variant="body2">{step}</Typography>
                  </li>
                ))}
              </ol>
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
