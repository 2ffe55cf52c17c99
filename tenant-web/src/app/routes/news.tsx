import { CustomerPage } from '@/components/customer-page';
import { PostList } from '@/features/posts/components/post-list';

/** Seeds 002/004: news, bulletin board and area information of the customer's properties (every role; read only). */
export function NewsRoute() {
  return (
    <CustomerPage ns="posts" titleKey="title">
      {(customerId) => <PostList customerId={customerId} />}
    </CustomerPage>
  );
}
