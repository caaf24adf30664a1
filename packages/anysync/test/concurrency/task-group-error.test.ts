import { describe, expect, it } from 'vitest';
import { TaskGroupError } from '../../src/concurrency/task-group-error.js';

describe('TaskGroupError', () => {
  it('is an AggregateError that counts the failures and quotes the first', () => {
    const one = new TaskGroupError([new Error('disk full')]);
    expect(one).toBeInstanceOf(AggregateError);
    expect(one.name).toBe('TaskGroupError');
    expect(one.message).toBe('1 task failed in a TaskGroup; first: disk full');
    const many = new TaskGroupError(['plain string', new Error('b')], 'BackgroundTasks');
    expect(many.message).toBe('2 tasks failed in BackgroundTasks; first: plain string');
    expect(many.errors).toEqual(['plain string', new Error('b')]);
  });
});
