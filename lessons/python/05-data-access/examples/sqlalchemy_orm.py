# SQLAlchemy 1.4 (Debian's version) written in the 2.0 style: declarative models, a Session as the
# unit of work, select() for queries. The same code runs on SQLite here and PostgreSQL in production.
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, func, select
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    orders = relationship("Order", back_populates="user")


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    user_id = Column(ForeignKey("users.id"), nullable=False)
    total_cents = Column(Integer, nullable=False)
    user = relationship("User", back_populates="orders")


engine = create_engine("sqlite://", future=True)  # in-memory SQLite; echo=True would log every statement
Base.metadata.create_all(engine)

with Session(engine) as session, session.begin():  # commits at the end of the block, rolls back on error
    ada = User(name="Ada", orders=[Order(total_cents=4999), Order(total_cents=1250)])
    alan = User(name="Alan", orders=[Order(total_cents=18900)])
    session.add_all([ada, alan])

with Session(engine) as session:
    totals = session.execute(
        select(User.name, func.count(Order.id), func.sum(Order.total_cents))
        .join(User.orders)
        .group_by(User.id)
        .order_by(User.name)
    ).all()
    for name, count, cents in totals:
        print(f"{name}: {count} order(s), {cents} cents")

    ada = session.execute(select(User).where(User.name == "Ada")).scalar_one()
    print("Ada's orders:", sorted(order.total_cents for order in ada.orders))  # loaded on first access
    print("the SQL it writes:", " ".join(str(select(User.name).where(User.id == 1)).split()))
