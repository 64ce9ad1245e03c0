using Encore.Api.Venues;
using Microsoft.EntityFrameworkCore;

namespace Encore.Infrastructure.Persistence;

// The one DbContext. Add DbSet<Show> Shows for lab 01 (module 1 has the
// entity). The starter creates missing tables at start-up
// (EnsureCreated); migrations arrive in module 7.
public sealed class EncoreDbContext(DbContextOptions<EncoreDbContext> options)
    : DbContext(options)
{
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Seat> Seats => Set<Seat>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        // snake_case tables and columns, as in the other stacks
        model.Entity<Venue>(v =>
        {
            v.ToTable("venues");
            v.Property(x => x.Id).HasColumnName("id");
            v.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
            v.Property(x => x.City).HasColumnName("city").HasMaxLength(100);
            v.Property(x => x.Country).HasColumnName("country")
                .HasMaxLength(2);
            v.Property(x => x.Timezone).HasColumnName("timezone");
            v.Property(x => x.Capacity).HasColumnName("capacity");
            v.Property(x => x.CreatedAt).HasColumnName("created_at");
        });
        model.Entity<Seat>(s =>
        {
            s.ToTable("seats");
            s.Property(x => x.Id).HasColumnName("id");
            s.Property(x => x.VenueId).HasColumnName("venue_id");
            s.Property(x => x.Label).HasColumnName("label");
            s.Property(x => x.Section).HasColumnName("section");
            s.Property(x => x.Row).HasColumnName("row");
            s.Property(x => x.Number).HasColumnName("number");
            s.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId);
        });
    }
}
