// Task completion goes through the workflow action endpoint (ops-core), exactly as the web app sends it:
// one request per open task, each with its own Idempotency-Key and the evidence URL Certflow serves.
export async function completionRequests({ base, cookie, origin, tasks }) {
  const queue = [...tasks];
  const completedOn = new Date().toISOString().slice(0, 10);
  return {
    url: base,
    expectStatus: 200,
    headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          const task = queue.shift();
          if (!task) throw new Error('more completions than open tasks');
          return {
            ...request,
            path: `/programs/${task.programId}/actions/complete-task`,
            headers: { ...request.headers, 'Idempotency-Key': `bench-${task.id}` },
            body: JSON.stringify({
              taskId: task.id,
              completedOn,
              evidence: [{ title: 'Bench evidence', uri: `${base}/evidence/${task.id}/download` }],
            }),
          };
        },
      },
    ],
  };
}
