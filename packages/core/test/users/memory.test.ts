import { MemoryUserAdmin } from '../../src/users/memory';
import { userAdminContract } from '../../testing/users-contract';

userAdminContract('in memory', () => new MemoryUserAdmin());
