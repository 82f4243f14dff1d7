export function WorkQueuePage() {
  return <p>WorkQueuePage</p>;
}
