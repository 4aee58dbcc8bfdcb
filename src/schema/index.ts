import { builder } from './builder.js';
import './scalars.js';
import './enums.js';
import './money.js';
import './credits.js';
import './rules.js';
import './alerts.js';
import './wallet.js';
import './nodes.js';
import './customer.js';
import './transactions.js';
import './providers.js';
import './balance-change.js';
import './transaction-events.js';

export const schema = builder.toSchema({ sortSchema: true });
