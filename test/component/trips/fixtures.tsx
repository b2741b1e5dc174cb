import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { z } from 'zod';
import { createRecord } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { useSettings } from '../../../renderer/state/settings';
import type { tripSchema } from '../../../shared/schemas';

/** A fresh, empty database and default settings for each test. */
export function freshDb(): AppDatabase {
  const db = new AppDatabase(`test-${crypto.randomUUID()}`);
  setDb(db);
  useSettings.setState({ lang: 'zh-CN', currentTripId: null });
  return db;
}

export function seedTrip(over: Partial<z.input<typeof tripSchema>> = {}) {
  return createRecord('trips', {
    title: '2025年成渝地区双城经济圈专家团“走进璧山”',
    region: '重庆市璧山区',
    startDate: '2025-06-23',
    endDate: '2025-06-25',
    organisers: ['重庆市人力资源和社会保障局', '四川省人力资源和社会保障厅'],
    status: 'active',
    ...over,
  });
}

/** Shows the current path, so tests can see where a page navigated to. */
export function Where() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
}

/** Renders pages at `path` with the given routes, plus a location probe. */
export function renderAt(path: string, routes: Record<string, ReactElement>) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        {Object.entries(routes).map(([p, element]) => (
          <Route key={p} path={p} element={element} />
        ))}
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}
