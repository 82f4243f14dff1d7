export function StaffPage() {
  return <p>StaffPage</p>;
}
