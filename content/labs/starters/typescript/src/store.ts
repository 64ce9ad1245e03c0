// The starter keeps Encore in memory: gone on restart, which the labs do
// not mind (every run creates its own data). Module 1's TypeORM entities
// and dataSource take over when you want a database.
export interface Venue {
  id: string;
  name: string;
  city: string;
  country: string;
  timezone: string;
  capacity: number;
  createdAt: string;
}

export interface Seat {
  id: string;
  venueId: string;
  label: string;
  section: string;
  row: string;
  number: number;
}

export const db = {
  venues: new Map<string, Venue>(),
  seats: new Map<string, Seat>(),
};

/** RFC 3339 in UTC, to the second: 2026-11-14T20:30:00Z */
export const timestamp = () =>
  new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
