// Whether the host answered MAINTENANCE (a backup is being restored): the shell then covers every screen
// with the reason and a reload button, since whatever is on screen belongs to the database being replaced.
import { create } from 'zustand';

interface MaintenanceState {
  active: boolean;
  began(): void;
}

export const useMaintenance = create<MaintenanceState>((set) => ({
  active: false,
  began: () => set({ active: true }),
}));
