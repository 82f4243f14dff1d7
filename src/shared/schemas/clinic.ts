import { z } from 'zod';

export const clinicInfo = z.object({ name: z.string(), timezone: z.string(), currency: z.string() });
export type ClinicInfo = z.infer<typeof clinicInfo>;
