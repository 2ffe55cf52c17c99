import { useParams } from 'react-router';
import { ThreadView } from '@/features/messages/components/thread-view';

export function MessageThreadRoute() {
  const { threadId = '' } = useParams();
  return <ThreadView key={threadId} threadId={threadId} />;
}
