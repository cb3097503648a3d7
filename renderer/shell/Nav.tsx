// The Views landmark: one link per view, the current one marked for assistive technology too.

import { VIEWS, type ViewId } from './views';

export function Nav({ current }: { current: ViewId }) {
  return (
    <nav aria-label="Views" className="nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <a href={`#/${v.id}`} aria-current={v.id === current ? 'page' : undefined}>
              {v.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
