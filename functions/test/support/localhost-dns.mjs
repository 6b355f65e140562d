// Preloaded into a child process that runs a bundle: the local SQS engine's queue URLs name hosts
// under *.localhost, which this resolves to the engine (AWS queue URLs need nothing of the kind).
import { interceptLocalhostDns } from 'fauxqs';

interceptLocalhostDns();
