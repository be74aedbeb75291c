import { ErrorSummary } from '@certflow/ui';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Last line of defence: a render error shows a message and a way out instead of a blank page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <main style={{ padding: '2rem' }}>
          <ErrorSummary title="Something went wrong" messages={[this.state.error.message]}>
            <p>
              <a href="/">Reload Certflow</a>
            </p>
          </ErrorSummary>
        </main>
      );
    }
    return this.props.children;
  }
}
