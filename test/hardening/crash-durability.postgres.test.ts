import { crashDurability } from './crash-durability.ts';

// Issue #18: SIGKILL loop on postgres (the loop itself and its replay seed: ./crash-durability.ts).
crashDurability('postgres');
