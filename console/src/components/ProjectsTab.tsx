import { useQuery } from '@apollo/client/react';
import { date, words } from '../format';
import { ProjectsOfAccountDocument } from '../generated/operations';
import { ErrorMessage } from './ErrorMessage';

/** PRJ-2: the projects of the client organization linked to the account, with their progress. */
export function ProjectsTab({ accountId }: { accountId: string }) {
  const { data, error, loading } = useQuery(ProjectsOfAccountDocument, {
    variables: { id: accountId },
    errorPolicy: 'all',
  });
  const projects = data?.account?.projects;
  return (
    <section aria-label="Projects">
      <ErrorMessage error={error} />
      {loading && !projects && <p className="loading">Loading projects…</p>}
      {projects && projects.nodes.length === 0 && (
        <p className="muted">No projects for this account.</p>
      )}
      {projects && projects.nodes.length > 0 && (
        <table aria-label="Projects">
          <thead>
            <tr>
              <th>Key</th>
              <th>Name</th>
              <th>Status</th>
              <th>Ends</th>
              <th>Tasks</th>
              <th>Progress</th>
            </tr>
          </thead>
          <tbody>
            {projects.nodes.map((project) => (
              <tr key={project.id}>
                <td>{project.key}</td>
                <td>{project.name}</td>
                <td>{words(project.status)}</td>
                <td>{date(project.endDate)}</td>
                <td>
                  {project.progress.closedTasks} closed, {project.progress.openTasks} open
                </td>
                <td>
                  <progress
                    max={100}
                    value={project.progress.percentComplete ?? 0}
                    aria-label={`${project.key} progress`}
                  />{' '}
                  {project.progress.percentComplete === null
                    ? 'no tasks'
                    : `${project.progress.percentComplete}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
