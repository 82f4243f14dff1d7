export function BookForPatientPage() {
  return <p>BookForPatientPage</p>;
}
