/** Wire types of the HTTP API as the client uses them: the shared TypeBox types, types only. */
export type {
  Account as AccountResponse,
  RegisterRequest as CreateAccountRequest,
  RegisterResponse as CreateAccountResponse,
  PreloginResponse,
  LoginRequest,
  LoginResponse,
  KeyringUpdateResponse,
  CreateMapRequest,
  CreateMapResponse,
  ReadMapResponse as MapResponse,
  WriteMapResponse as SaveMapResponse,
} from '../../shared/api/index.js';
