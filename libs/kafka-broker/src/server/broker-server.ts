import * as net from 'node:net';
import type { BrokerConfig } from '../config/broker-config';
import { ClientConnection } from './client-connection';
import type { RequestDispatcher } from './request-dispatcher';

/** The TCP listener: one ClientConnection per accepted socket. */
export class BrokerServer {
  private readonly server: net.Server;
  private readonly connections = new Set<ClientConnection>();
  private nextConnectionId = 1;

  constructor(
    private readonly dispatcher: RequestDispatcher,
    private readonly config: BrokerConfig,
  ) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /**
   * Binds the configured host and port.
   * @returns the bound port (the free port chosen when 0 was asked for)
   */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host: this.config.host, port: this.config.port }, () => {
        this.server.off('error', reject);
        this.server.on('error', (error) => this.config.logger.error(`listener: ${error.message}`));
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops accepting and drops every connection (held requests are abandoned). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const connections = [...this.connections];
    connections.forEach((connection) => connection.destroy());
    await Promise.all(connections.map((connection) => connection.whenClosed()));
    await closed;
  }

  private accept(socket: net.Socket): void {
    const connection = new ClientConnection(socket, this.dispatcher, this.config, this.nextConnectionId++);
    this.connections.add(connection);
    void connection.whenClosed().then(() => this.connections.delete(connection));
  }
}
