import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  NavContentBlueprint,
  NavContentComponentProps,
} from '@backstage/plugin-app-react';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import {
  cloudTranslationRef,
  useCanReadCloudReports,
} from '@amue/plugin-cloud';
import Badge from '@material-ui/core/Badge';
import { makeStyles } from '@material-ui/core/styles';
import AddCircleOutlineIcon from '@material-ui/icons/AddCircleOutline';
import AppsIcon from '@material-ui/icons/Apps';
import AssignmentIcon from '@material-ui/icons/Assignment';
import AssessmentIcon from '@material-ui/icons/Assessment';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import HomeIcon from '@material-ui/icons/Home';
import LibraryBooksIcon from '@material-ui/icons/LibraryBooks';
import MenuIcon from '@material-ui/icons/Menu';
import NotificationsIcon from '@material-ui/icons/Notifications';
import SearchIcon from '@material-ui/icons/Search';
import StorefrontIcon from '@material-ui/icons/Storefront';
import { useEffect, useState } from 'react';
import { SidebarLogo } from './SidebarLogo';

const SNACKBAR = {
  enabled: true,
  autoHideDuration: 15_000,
  anchorOrigin: { vertical: 'top', horizontal: 'center' },
} as const;

const useStyles = makeStyles({
  // White on dark red: readable (contrast 6.6:1) at the badge's small size.
  badge: { backgroundColor: '#b71c1c', color: '#fff', fontWeight: 700 },
});

/** Hands the unread count of the notifications item up to the sidebar. */
function ReportUnread(props: {
  count: number;
  onCount: (count: number) => void;
}) {
  const { count, onCount } = props;
  useEffect(() => onCount(count), [count, onCount]);
  return null;
}

function PortalSidebar({ navItems }: NavContentComponentProps) {
  const { t } = useTranslationRef(cloudTranslationRef);
  const classes = useStyles();
  const [unread, setUnread] = useState(0);
  const notificationsLabel = unread
    ? t('nav.notificationsUnread', { unread: String(unread) })
    : t('nav.notifications');
  // The Adoption page is Amue's: not offered to establishment members.
  const reports = useCanReadCloudReports();
  const nav = navItems.withComponent(item => (
    <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
  ));

  // Pages that have their own entry below, or none.
  for (const id of [
    'page:cloud/home',
    'page:cloud/adoption',
    'page:cloud/instances',
    'page:cloud/offer',
    'page:cloud/requests',
    'page:cloud/tenant',
    'page:catalog',
    'page:scaffolder',
    'page:techdocs',
    'page:search',
    'page:notifications',
    'page:user-settings',
    'page:catalog-graph',
  ]) {
    nav.take(id);
  }

  return (
    <Sidebar>
      <SidebarLogo />
      <SidebarGroup label={t('nav.search')} icon={<SearchIcon />} to="/search">
        <SidebarSearchModal />
      </SidebarGroup>
      <SidebarDivider />
      <SidebarGroup label={t('nav.menu')} icon={<MenuIcon />}>
        <SidebarItem icon={HomeIcon} to="/" text={t('nav.home')} />
        <SidebarItem
          icon={StorefrontIcon}
          to="/cloud/offer"
          text={t('offer.nav')}
        />
        <SidebarItem icon={AppsIcon} to="/catalog" text={t('nav.catalog')} />
        <SidebarItem
          icon={CloudQueueIcon}
          to="/cloud/instances"
          text={t('instances.page.nav')}
        />
        {/* The requests to qualify are Amue's, like the reports. */}
        {reports.allowed && (
          <SidebarItem
            icon={AssignmentIcon}
            to="/cloud/requests"
            text={t('requests.nav')}
          />
        )}
        <SidebarItem
          icon={AddCircleOutlineIcon}
          to="/create"
          text={t('nav.request')}
        />
        <SidebarItem icon={LibraryBooksIcon} to="/docs" text={t('nav.docs')} />
        {reports.allowed && (
          <SidebarItem
            icon={AssessmentIcon}
            to="/cloud/adoption"
            text={t('adoption.nav')}
          />
        )}
        <SidebarDivider />
        <SidebarScrollWrapper>
          {nav.rest({ sortBy: 'title' })}
        </SidebarScrollWrapper>
      </SidebarGroup>
      <SidebarSpace />
      <SidebarDivider />
      {/* The unread count is part of the item's text, so that the link's
          name holds what it shows (upstream shows a tag the name lacks). */}
      {/* New notifications pop up at the top of the page: at the default
          place, bottom right, they covered the forms' "Suivant" and
          "Créer" buttons for 15 s. */}
      {/* On a phone the sidebar is a bottom bar made of its groups only:
          notifications get a group of their own there (their icon with the
          unread count, the count in the name), instead of disappearing. On
          a wide screen the group shows its item, as before. */}
      <SidebarGroup
        label={notificationsLabel}
        to="/notifications"
        icon={
          <NotificationsSidebarItem
            snackbarProps={SNACKBAR}
            renderItem={({ unreadCount }) => (
              <>
                <ReportUnread count={unreadCount} onCount={setUnread} />
                <Badge
                  // Nothing rendered without unread notifications (a hidden
                  // "0" would still count as the entry's visible text). The
                  // count is in the entry's name ("Notifications (1)"): the
                  // badge is hidden from assistive technologies, so the
                  // name holds what the entry shows (WCAG 2.5.3).
                  badgeContent={
                    unreadCount > 0 ? (
                      <span aria-hidden="true">
                        {unreadCount > 99 ? '99+' : unreadCount}
                      </span>
                    ) : undefined
                  }
                  classes={{ badge: classes.badge }}
                  overlap="rectangular"
                >
                  <NotificationsIcon />
                </Badge>
              </>
            )}
          />
        }
      >
        <NotificationsSidebarItem
          snackbarProps={SNACKBAR}
          renderItem={({ unreadCount, to, onClick }) => (
            <>
              <ReportUnread count={unreadCount} onCount={setUnread} />
              <SidebarItem
                icon={NotificationsIcon}
                to={to}
                onClick={onClick}
                text={
                  unreadCount
                    ? t('nav.notificationsUnread', {
                        unread: String(unreadCount),
                      })
                    : t('nav.notifications')
                }
              />
            </>
          )}
        />
      </SidebarGroup>
      <SidebarDivider />
      <SidebarGroup
        label={t('nav.settings')}
        icon={<UserSettingsSignInAvatar />}
        to="/settings"
      >
        <SidebarItem
          icon={() => <UserSettingsSignInAvatar size={24} />}
          to="/settings"
          text={t('nav.settings')}
        />
      </SidebarGroup>
    </Sidebar>
  );
}

/**
 * The portal's sidebar: its own entries (translated) first, then whatever
 * other page a plugin contributes.
 */
export const SidebarContent = NavContentBlueprint.make({
  params: { component: PortalSidebar },
});
