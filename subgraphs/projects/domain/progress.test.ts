import { projectProgress, taskPercent } from './progress';

const top = (status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED', percentComplete: number) => ({
  status,
  percentComplete,
  parentTaskId: null,
});
const sub = (status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED', percentComplete: number) => ({
  status,
  percentComplete,
  parentTaskId: 'parent',
});

describe('projectProgress', () => {
  it('has nothing to measure without tasks: zero counts and no percentage', () => {
    expect(projectProgress([])).toEqual({
      openTasks: 0,
      closedTasks: 0,
      totalTasks: 0,
      percentComplete: null,
    });
  });

  it('counts every task, subtasks included, OPEN and IN_PROGRESS as open', () => {
    const progress = projectProgress([top('OPEN', 0), top('IN_PROGRESS', 50), sub('CLOSED', 100)]);
    expect(progress).toMatchObject({ openTasks: 2, closedTasks: 1, totalTasks: 3 });
  });

  it('is the mean of the top-level tasks’ percentages, partial progress included', () => {
    expect(projectProgress([top('IN_PROGRESS', 90), top('IN_PROGRESS', 90)]).percentComplete).toBe(
      90,
    );
    expect(projectProgress([top('CLOSED', 100), top('OPEN', 0)]).percentComplete).toBe(50);
  });

  it('leaves subtasks out of the percentage: their parent’s own states them', () => {
    const tasks = [top('IN_PROGRESS', 20), sub('CLOSED', 100), sub('CLOSED', 100)];
    expect(projectProgress(tasks).percentComplete).toBe(20);
  });

  it('says 100 only when every top-level task is closed', () => {
    const almost = [...Array.from({ length: 199 }, () => top('CLOSED', 100)), top('OPEN', 99)];
    expect(projectProgress(almost).percentComplete).toBe(99);
    expect(projectProgress([top('CLOSED', 100), top('CLOSED', 100)]).percentComplete).toBe(100);
    expect(projectProgress([top('OPEN', 100)]).percentComplete).toBe(99);
  });

  it('rounds down', () => {
    expect(projectProgress([top('OPEN', 0), top('OPEN', 0), top('OPEN', 1)]).percentComplete).toBe(
      0,
    );
    expect(projectProgress([top('OPEN', 33), top('OPEN', 34)]).percentComplete).toBe(33);
  });

  it('measures a list of only subtasks by themselves', () => {
    expect(projectProgress([sub('CLOSED', 100), sub('OPEN', 0)]).percentComplete).toBe(50);
  });
});

describe('taskPercent', () => {
  it('is 100 for a closed task whatever is stored, and 0..99 otherwise', () => {
    expect(taskPercent({ status: 'CLOSED', percentComplete: 40 })).toBe(100);
    expect(taskPercent({ status: 'IN_PROGRESS', percentComplete: 100 })).toBe(99);
    expect(taskPercent({ status: 'OPEN', percentComplete: -5 })).toBe(0);
    expect(taskPercent({ status: 'OPEN', percentComplete: Number.NaN })).toBe(0);
    expect(taskPercent({ status: 'OPEN', percentComplete: 42.7 })).toBe(42);
  });
});
