// Views whose engine work lands with later issues: a heading, what is coming, and the runbook lines
// that already reach it from the Console.

export function ComingView({ title, with: coming, lines }: { title: string; with: string; lines: string[] }) {
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title">{title}</h1>
      <div className="placeholder">
        <p>
          Coming with <strong>{coming}</strong>.
        </p>
        <p>Until then the Console and Runbooks accept these lines when the engine supports them:</p>
        <ul className="mono">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
