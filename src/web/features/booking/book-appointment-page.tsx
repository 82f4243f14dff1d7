import { useNavigate } from 'react-router';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toasts.tsx';
import { BookingForm } from './booking-form.tsx';

export function BookAppointmentPage() {
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <Page title="Book a visit">
      <p className="mb-4 max-w-prose">
        Your request goes to the doctor, who confirms it. You will get a message in your inbox when they
        answer.
      </p>
      <BookingForm
        onBooked={(appointment) => {
          toast('Your request was sent to the doctor.');
          navigate(`/appointments/${appointment.id}`);
        }}
      />
    </Page>
  );
}
