"""Everything that touches the database: engines, models, repositories, migrations, checkpointer."""
