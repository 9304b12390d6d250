/** The lessons capability's handlers (ถอดบทเรียน). */
import type { lessonsSlice } from '../../../shared/ipc/lessons';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace } from '../session';
import { write } from '../write';
import { exportLessonsDocx, exportLessonsPdf } from './export';
import { createLesson, getLesson, lessonTargets, listLessons, removeLesson, restoreLesson, updateLesson } from './lessons';

const as = (action: string) => ({ capability: 'lessons', action }) as const;

/** The lessons capability's handlers. */
export const lessonsHandlers = {
  'lessons.list': (ctx, query) => {
    const ws = requireWorkspace(ctx);
    return listLessons(ws.db, ws.sqlite, query);
  },
  'lessons.get': (ctx, { id }) => {
    const ws = requireWorkspace(ctx);
    return getLesson(ws.db, id);
  },
  'lessons.targets': (ctx) => {
    const ws = requireWorkspace(ctx);
    return lessonTargets(ws.db);
  },
  'lessons.create': (ctx, { values }) => write(ctx, as('lessons.create'), (tx) => createLesson(tx, values)),
  'lessons.update': (ctx, { id, rev, values }) => write(ctx, as('lessons.update'), (tx) => updateLesson(tx, id, rev, values)),
  'lessons.remove': (ctx, { id }) => write(ctx, as('lessons.remove'), (tx) => removeLesson(tx, id)),
  'lessons.restore': (ctx, { id }) => write(ctx, as('lessons.restore'), (tx) => restoreLesson(tx, id)),
  'lessons.exportPdf': (ctx, { path, id, ids, target }) => exportLessonsPdf(ctx, { id, ids, target }, ctx.paths.resolve(path)),
  'lessons.exportDocx': (ctx, { path, id, ids, target }) => exportLessonsDocx(ctx, { id, ids, target }, ctx.paths.resolve(path)),
} satisfies HandlersOf<typeof lessonsSlice.channels>;
