// Around the current screen: while its code loads, a loader; when the code cannot be loaded (the host
// restarted with a new build, the connection dropped) or the screen throws, a notice with a reload
// instead of a blank window. Navigating to another screen clears the notice.
import { Button, Center, Loader } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { EmptyState } from '../lib/EmptyState';

export function ScreenBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <CatchScreenError resetKey={pathname}>
      <Suspense fallback={<ScreenLoading />}>{children}</Suspense>
    </CatchScreenError>
  );
}

function ScreenLoading() {
  const { t } = useTranslation('common');
  return (
    <Center mih={200}>
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

interface CatchProps {
  /** The screen shown: a new one clears the notice (without remounting, so a loading screen keeps the old one in view). */
  resetKey: string;
  children: ReactNode;
}

class CatchScreenError extends Component<CatchProps, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: CatchProps, state: { failed: boolean; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

function ScreenFailed() {
  const { t } = useTranslation('common');
  return (
    <EmptyState
      icon={IconAlertTriangle}
      title={t('screenFailed.title')}
      description={t('screenFailed.description')}
      testId="screen-failed"
      action={
        <Button leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()}>
          {t('screenFailed.reload')}
        </Button>
      }
    />
  );
}
