/** The baseline for the API's cold start: a bare Hono app behind hono/aws-lambda, bundled like the real one. */
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = new Hono();
app.get('/health', (c) => c.json({ ok: true }));
export const handler = handle(app);
