export function VisitPage() {
  return <p>VisitPage</p>;
}
