// Prints the product's own hash (argon2id, api/src/modules/auth/passwords.ts) of the password in argv[2].
import { hashPassword } from '../api/src/modules/auth/passwords';

process.stdout.write(await hashPassword(process.argv[2] ?? ''));
