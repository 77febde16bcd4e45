import { crashDurability } from './crash-durability.ts';

// Issue #18: SIGKILL loop on sqlite (the loop itself and its replay seed: ./crash-durability.ts).
crashDurability('sqlite');
